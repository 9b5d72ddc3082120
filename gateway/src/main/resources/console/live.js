// Live updates: the tenant's server-sent events (GET /api/v1/live, insight-service through the gateway), read with
// fetch because EventSource cannot send the bearer token. Each event names what changed (a response completed, an
// alert raised...); a screen that shows it reads the API again. The stream is opened once per signed-in console and
// opened again after a failure, waiting longer each time (2 s, doubling, at most 30 s).

const FIRST_WAIT_MS = 2000;
const LONGEST_WAIT_MS = 30000;

export class LiveUpdates {
  /** {@code onLoginNeeded} is called when the session has ended and the stream cannot be opened again. */
  constructor(session, onLoginNeeded) {
    this.session = session;
    this.onLoginNeeded = onLoginNeeded;
    this.listeners = new Set();
    this.wait = FIRST_WAIT_MS;
    this.stopped = false;
  }

  /** Calls {@code listener} with every update until the returned function is called. */
  on(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start() {
    this.follow(false);
  }

  async follow(retried) {
    while (!this.stopped) {
      try {
        const token = await this.session.bearer({ force: retried });
        if (!token) {
          this.stopped = true;
          this.onLoginNeeded?.();
          return;
        }
        const response = await fetch('/api/v1/live', {
          headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token}` },
          credentials: 'omit',
        });
        retried = response.status === 401;
        if (response.ok) {
          this.wait = FIRST_WAIT_MS;
          await this.read(response.body.getReader());
        }
      } catch (lost) {
        // The network or the service went away: connect again after the wait below.
      }
      await new Promise((resolve) => setTimeout(resolve, this.wait));
      this.wait = Math.min(this.wait * 2, LONGEST_WAIT_MS);
    }
  }

  /** Reads the stream's events ("data:" lines, a blank line between events) until it ends. */
  async read(reader) {
    const decoder = new TextDecoder();
    let buffered = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      buffered += decoder.decode(value, { stream: true });
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) {
        if (line.startsWith('data:')) {
          this.dispatch(line.slice('data:'.length).trim());
        }
      }
    }
  }

  dispatch(data) {
    let update;
    try {
      update = JSON.parse(data);
    } catch (notJson) {
      return;
    }
    if (update.type !== 'keep-alive') {
      this.listeners.forEach((listener) => listener(update));
    }
  }
}
