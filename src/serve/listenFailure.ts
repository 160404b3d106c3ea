/**
 * One line saying why the server could not listen and what to change, for the operator; the
 * stack of a listen error says nothing they can act on.
 */
export function listenFailureMessage(error: unknown, port: number, host: string | undefined): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const where = `${host ?? 'every interface'} port ${port}`;
  switch (code) {
    case 'EADDRINUSE':
      return `port ${port} is already in use on ${host ?? 'this machine'} (EADDRINUSE); set PORT to a free port or stop the process using it`;
    case 'EACCES':
      return `not allowed to listen on ${where} (EACCES); use a PORT above 1023`;
    case 'EADDRNOTAVAIL':
      return `HOST=${host ?? ''} is not an address of this machine (EADDRNOTAVAIL); use one of its addresses, 0.0.0.0 or 127.0.0.1`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return `HOST=${host ?? ''} could not be resolved (${code}); use an IP address or a resolvable host name`;
    default:
      return `cannot listen on ${where}: ${error instanceof Error ? error.message : String(error)}`;
  }
}
