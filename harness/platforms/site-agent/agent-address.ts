/** Where a site agent listens: "HOST:PORT" (qemu's hostfwd brings a guest's agent to 127.0.0.1:PORT). */
export interface AgentAddress {
  readonly host: string;
  readonly port: number;
}

export function parseAgentAddress(text: string): AgentAddress {
  const match = /^([^:]+):(\d{1,5})$/.exec(text);
  const port = match === null ? NaN : Number(match[2]);
  if (match === null || port < 1 || port > 65535) throw new Error(`a site agent's address is HOST:PORT (e.g. 127.0.0.1:7117), not "${text}"`);
  return { host: match[1], port };
}

export const showAddress = (address: AgentAddress) => `${address.host}:${address.port}`;
