// The server's end of the connection, chosen on the command line as vscode-languageserver chooses it
// (--stdio, --node-ipc, --socket=PORT, --pipe=NAME, each also as two arguments), but built here so that
// on every transport the server ends when the stream can no longer be trusted: a message it cannot
// frame (a bad Content-Length) or a client that is gone. A client restarts a server that exits, never
// one that stays alive but deaf. Over node-ipc, Node frames the messages itself and ends the process
// on one it cannot parse; a closed channel ends the server here.
import {
  createServerPipeTransport,
  createServerSocketTransport,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';

export interface Transport {
  reader: MessageReader;
  writer: MessageWriter;
  /** stdout carries the protocol, so console output must go elsewhere. */
  stdio: boolean;
}

export interface TransportEnd {
  /** The stream holds something that is not a message. */
  unreadable(error: Error): void;
  /** The client closed the stream. */
  closed(): void;
}

/** The transport the arguments name, listening for its end; undefined when they name none. */
export function serverTransport(argv: string[], end: TransportEnd): Transport | undefined {
  const transport = fromArgs(argv);
  if (!transport) return undefined;
  transport.reader.onError((e) => end.unreadable(e));
  transport.reader.onClose(() => end.closed());
  // IPCMessageReader listens for 'close', which only a ChildProcess emits; a child's channel ends with 'disconnect'.
  if (transport.reader instanceof IPCMessageReader) process.on('disconnect', () => end.closed());
  return transport;
}

function fromArgs(argv: string[]): Transport | undefined {
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s);
    const value = () => inline ?? argv[i + 1];
    switch (flag) {
      case '--stdio':
        return { reader: new StreamMessageReader(process.stdin), writer: new StreamMessageWriter(process.stdout), stdio: true };
      case '--node-ipc':
        return { reader: new IPCMessageReader(process), writer: new IPCMessageWriter(process), stdio: false };
      case '--socket': {
        const port = Number.parseInt(value() ?? '', 10);
        if (!Number.isInteger(port)) return undefined;
        const [reader, writer] = createServerSocketTransport(port);
        return { reader, writer, stdio: false };
      }
      case '--pipe': {
        const name = value();
        if (!name) return undefined;
        const [reader, writer] = createServerPipeTransport(name);
        return { reader, writer, stdio: false };
      }
    }
  }
  return undefined;
}
