import { SingleBar } from 'cli-progress';

const BAR_DELAY_MS = 1000;
const PLAIN_EVERY = 1000;

/**
 * Progress on stderr: on a TTY a bar, shown only once a run has lasted a second (short runs stay quiet);
 * otherwise (or with --json) plain lines at each stage and every thousand files.
 */
export class Progress {
  readonly #stream: NodeJS.WriteStream;
  readonly #useBar: boolean;
  readonly #startedAt = Date.now();
  #bar: SingleBar | undefined;
  #stage = '';
  #total = 0;
  #done = 0;

  constructor(stream: NodeJS.WriteStream, options: { json: boolean }) {
    this.#stream = stream;
    this.#useBar = Boolean(stream.isTTY) && !options.json;
  }

  stage(name: string, total: number): void {
    this.#bar?.stop();
    this.#bar = undefined;
    this.#stage = name;
    this.#total = total;
    this.#done = 0;
    if (!this.#useBar) this.line(`${name}: ${total} file${total === 1 ? '' : 's'}`);
  }

  tick(detail?: string): void {
    this.#done += 1;
    if (this.#useBar) {
      if (!this.#bar && Date.now() - this.#startedAt > BAR_DELAY_MS) {
        this.#bar = new SingleBar({
          stream: this.#stream,
          format: `${this.#stage} [{bar}] {value}/{total} {file}`,
          hideCursor: true,
          clearOnComplete: true,
        });
        this.#bar.start(this.#total, this.#done, { file: '' });
      }
      this.#bar?.update(this.#done, { file: detail ?? '' });
    } else if (detail !== undefined && this.#stage === 'write') {
      this.line(`wrote ${detail}`);
    } else if (this.#done % PLAIN_EVERY === 0) {
      this.line(`${this.#stage}: ${this.#done}/${this.#total}`);
    }
  }

  line(message: string): void {
    if (this.#bar) this.#stream.write('\n');
    this.#stream.write(`${message}\n`);
  }

  stop(): void {
    this.#bar?.stop();
    this.#bar = undefined;
  }
}
