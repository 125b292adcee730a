// The dashboard's one way to the server: JSON from /api, errors as the problem details the API answers with.

export class ApiError extends Error {
  constructor(problem, status) {
    super(problem && problem.detail ? problem.detail : `The server answered ${status}.`);
    this.problem = problem;
    this.status = status;
  }
}

/** GET /api/PATH with the given parameters (null and empty values left out); resolves to { body, url } (url: where it ended, after redirects). */
export async function getJson(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  }
  const url = `/api/${path}${q.size ? `?${q}` : ''}`;
  // No headers of its own (the API answers JSON unasked): a request with them would not take up a preloaded answer.
  const response = await fetch(url, { credentials: 'same-origin' });
  const type = response.headers.get('Content-Type') || '';
  if (!response.ok) {
    const problem = type.includes('json') ? await response.json().catch(() => null) : null;
    throw new ApiError(problem, response.status);
  }
  return { body: await response.json(), url: response.url };
}
