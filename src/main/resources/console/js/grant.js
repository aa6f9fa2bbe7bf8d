// What the signed-in token may do, from GET /api/tokens/self, with the server's own rules
// (auth/Token.java): the console offers only what these allow. The server checks every call
// anyway; this only keeps buttons that would be refused out of sight.

function globRegExp(glob) {
  // Globs hold A-Z a-z 0-9 _ - and the wildcards * (any run) and ? (one character).
  const body = glob.replace(/[^A-Za-z0-9_\-*?]/g, '').replaceAll('*', '.*').replaceAll('?', '.');
  return new RegExp(`^${body}$`);
}

export class Grant {
  constructor(token) {
    this.token = token;
    this.namespaceGlobs = token.namespaces.map(globRegExp);
    this.pipelineGlobs = token.pipelines.map(globRegExp);
  }

  get admin() {
    return this.token.admin;
  }

  get runId() {
    return this.token.run_id;
  }

  describe() {
    if (this.admin) {
      return 'admin token';
    }
    const what = this.token.description ? ` (${this.token.description})` : '';
    return `token ${this.token.id}${what}`;
  }

  has(action) {
    return this.admin || this.token.actions.includes(action);
  }

  reachesNamespace(namespace) {
    return this.namespaceGlobs.some((glob) => glob.test(namespace));
  }

  reaches(namespace, pipeline) {
    return this.reachesNamespace(namespace) && this.pipelineGlobs.some((glob) => glob.test(pipeline));
  }

  /** Listing namespaces: any token with read (it sees what its globs reach). */
  canList() {
    return this.has('read');
  }

  canListNamespace(namespace) {
    return this.admin || (this.has('read') && this.reachesNamespace(namespace));
  }

  /** An action on a pipeline: its objects, limits and runs. A run token only reads pipelines. */
  can(action, namespace, pipeline) {
    if (this.admin) {
      return true;
    }
    return this.has(action) && this.reaches(namespace, pipeline) && (this.runId === null || action === 'read');
  }

  /** An action on one run's objects. A run token acts on its own run only. */
  canOnRun(action, namespace, pipeline, run) {
    if (this.admin) {
      return true;
    }
    return this.has(action) && this.reaches(namespace, pipeline) && (this.runId === null || this.runId === run);
  }
}
