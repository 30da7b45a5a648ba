/** A one-line progress bar on stderr, drawn only when stderr is a terminal (never in logs or CI). */
export function progressBar(stream: NodeJS.WriteStream = process.stderr) {
  let last = '';
  return {
    update(done: number, total: number, stage: string) {
      if (!stream.isTTY) return;
      const width = 30;
      const frac = total ? Math.min(1, done / total) : 1;
      const fill = Math.round(frac * width);
      const line = `${stage.padEnd(10)} [${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${done}/${total}`;
      if (line === last) return;
      last = line;
      stream.write(`\r${line}`);
    },
    done() {
      if (stream.isTTY && last) stream.write('\n');
      last = '';
    },
  };
}
