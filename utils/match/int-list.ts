/** Growable list of int32 without the boxing of a plain array of numbers. */
export class IntList {
  data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  /** The values, in a typed array of their own length. */
  finish(): Int32Array {
    return this.data.slice(0, this.length);
  }
}
