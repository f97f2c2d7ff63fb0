// The portal's HTTP API, typed. Every call goes through `getJson`, which turns a failed request
// into an Error carrying the server's zh-CN message.

import type { Disclosure } from '../../../src/model/types.js';
import type { Summary } from '../../../src/summary.js';
import type { Finding as CoreFinding, FindingLocation } from '../../../src/rules/types.js';
import type { DocumentItem as StoreDocumentItem } from '../../../src/store/repository.js';
import type { Review, ReviewSummary } from '../../../src/store/reviews.js';
import type { ReviewStatus } from '../../../src/glossary.js';

export type { Disclosure, Summary, FindingLocation, Review, ReviewSummary, ReviewStatus };

/** Every finding's key (in the order of /findings) and the marks reviewers set. */
export interface DocumentReviews {
  keys: string[];
  reviews: Review[];
}

/** What a reviewer sends: status null clears the mark. */
export interface ReviewBody {
  status: ReviewStatus | null;
  note: string;
  reviewer: string;
}
export type Status = 'clean' | 'warning' | 'error';
export type Counts = { error: number; warning: number; info: number };
/** A finding as the API serves it (the rule's title is not part of the JSON report). */
export type Finding = Omit<CoreFinding, 'title'> & { title?: string };

/** A document as the API lists it: the store's item, with its check status narrowed. */
export type DocumentItem = Omit<StoreDocumentItem, 'status'> & { status: Status };

export interface DocumentList {
  total: number;
  items: DocumentItem[];
}

export interface DocumentDetail {
  document: DocumentItem;
  versions: { id: number; version: number; importedAt: string }[];
  disclosure: Disclosure;
}

export interface CoverageCell {
  id: number;
  status: Status;
  counts: Counts;
  /** Every latest document of the department that year (预算 and 决算, 部门 and 单位). */
  documents: { id: number; kind: string; scope: string; status: Status }[];
}

export interface Coverage {
  departments: { department: string; region: string | null; level: string; years: Record<string, CoverageCell> }[];
  years: number[];
}

export interface AggregateCell {
  value: string | number;
  count: number;
  [dimension: string]: string | number | null;
}

export interface Aggregate {
  cells: AggregateCell[];
  total: string | number;
}

export interface CompareRow {
  key: string;
  label: string;
  a: number | string | null;
  b: number | string | null;
  diff: number | string | null;
  rate: number | string | null;
  shareA: number | string | null;
  shareB: number | string | null;
}

export interface Comparison {
  a: Summary;
  b: Summary;
  rows: CompareRow[];
}

export interface SearchResult {
  departments: { department: string; ids: number[] }[];
  units: { name: string; code?: string | null; department?: string; ids?: number[]; documentId?: number }[];
  projects: { name: string; documentId: number; department: string; year: number | null; amount: number | string | null }[];
  classifications: { code: string; name: string; kind?: 'function' | 'economic'; documents?: { id: number; department: string; year: number | null }[] }[];
}

export interface CheckReport {
  document: { title: string; department: string; year: number | null; kind: string; profile: string; format: string };
  summary: Summary;
  findings: Finding[];
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function readJson<T>(res: Response): Promise<T> {
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    if (!res.ok) throw new ApiError(`服务器返回错误（HTTP ${res.status}）`, res.status);
    throw new ApiError('服务器返回的不是有效的 JSON', res.status);
  }
  if (!res.ok) {
    const msg = body && typeof body === 'object' && 'error' in body ? String((body as { error: unknown }).error) : `服务器返回错误（HTTP ${res.status}）`;
    throw new ApiError(msg, res.status);
  }
  return body as T;
}

export async function getJson<T>(path: string, params: Record<string, string | number | null | undefined> = {}): Promise<T> {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') qs.set(k, String(v));
  const url = qs.size ? `${path}?${qs}` : path;
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' } });
  } catch {
    throw new ApiError('无法连接服务器，请检查网络或服务是否启动', 0);
  }
  return readJson<T>(res);
}

export const api = {
  documents: (q: Record<string, string | number | null | undefined>) => getJson<DocumentList>('/api/documents', q),
  document: (id: number | string) => getJson<DocumentDetail>(`/api/documents/${id}`),
  findings: (id: number | string) => getJson<Finding[]>(`/api/documents/${id}/findings`),
  summary: (id: number | string) => getJson<Summary>(`/api/documents/${id}/summary`),
  coverage: () => getJson<Coverage>('/api/coverage'),
  aggregate: (q: Record<string, string | undefined>) => getJson<Aggregate>('/api/aggregate', q),
  compare: (a: number | string, b: number | string) => getJson<Comparison>('/api/compare', { a, b }),
  search: (q: string) => getJson<SearchResult>('/api/search', { q }),
  reviews: (id: number | string) => getJson<DocumentReviews>(`/api/documents/${id}/reviews`),
  reviewSummary: () => getJson<ReviewSummary>('/api/reviews/summary'),
  /** Writing needs the portal's API token (YUSUAN_API_TOKEN). */
  async putReview(id: number | string, key: string, body: ReviewBody, token: string): Promise<{ key: string; review: Review | null }> {
    let res: Response;
    try {
      res = await fetch(`/api/documents/${id}/findings/${encodeURIComponent(key)}/review`, {
        method: 'PUT',
        body: JSON.stringify(body),
        headers: { accept: 'application/json', 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
    } catch {
      throw new ApiError('无法连接服务器，请检查网络或服务是否启动', 0);
    }
    return readJson(res);
  },
  async check(file: File): Promise<CheckReport> {
    const form = new FormData();
    form.append('file', file, file.name);
    let res: Response;
    try {
      res = await fetch('/api/check', { method: 'POST', body: form, headers: { accept: 'application/json' } });
    } catch {
      throw new ApiError('无法连接服务器，请检查网络或服务是否启动', 0);
    }
    return readJson<CheckReport>(res);
  },
};
