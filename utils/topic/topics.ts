/**
 * The AI topics Crosstalk knows. The classifier tags pages with these ids, the
 * index builder tags stories with them, and the popup filters by them, so the
 * ids are shared here rather than repeated.
 */
export const AI_TOPICS = [
  { id: 'model-releases', label: 'Model releases' },
  { id: 'open-weights', label: 'Open-weight models' },
  { id: 'research', label: 'Research papers' },
  { id: 'safety', label: 'Safety and alignment' },
  { id: 'policy', label: 'Policy and regulation' },
  { id: 'chips-compute', label: 'Chips and compute' },
  { id: 'jobs-economy', label: 'Jobs and the economy' },
  { id: 'business', label: 'Companies and funding' },
  { id: 'creative-copyright', label: 'Creative work and copyright' },
  { id: 'health', label: 'Health and medicine' },
  { id: 'agent-security', label: 'Security of AI agents' },
  { id: 'coding', label: 'AI for coding' },
  { id: 'products', label: 'AI products and assistants' },
  { id: 'robotics', label: 'Robotics' },
] as const;

export type AiTopicId = (typeof AI_TOPICS)[number]['id'];
