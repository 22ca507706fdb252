import net from "node:net";

/**
 * A TCP proxy on loopback in front of a real server (here PostgreSQL), to cut the app's database
 * connections the way a network or a restarting server does: `refuse()` drops every connection
 * and stops listening (new connections are refused, ECONNREFUSED) until `accept()`;
 * `failNext(n)` lets connections open but resets the next `n` messages the client sends instead
 * of passing them on (a connection lost mid-query).
 */
export interface TcpProxy {
  port: number;
  refuse(): void;
  accept(): Promise<void>;
  failNext(count: number): void;
  /** How many client messages were reset so far. */
  readonly resets: number;
  close(): Promise<void>;
}

export async function startTcpProxy({ host = "127.0.0.1", port: targetPort }: { host?: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let toFail = 0;
  let resets = 0;
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, host);
    sockets.add(client).add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("data", (chunk) => {
      if (toFail > 0) {
        toFail--;
        resets++;
        end();
        return;
      }
      upstream.write(chunk);
    });
    upstream.on("data", (chunk) => client.write(chunk));
    for (const socket of [client, upstream]) {
      socket.on("error", end);
      socket.on("close", end);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    refuse() {
      server.close();
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
    accept() {
      return new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, "127.0.0.1", () => {
          server.off("error", reject);
          resolve();
        });
      });
    },
    failNext(count) {
      toFail = count;
    },
    get resets() {
      return resets;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
    },
  };
}
