// View state lives in the URL query, so every view can be shared by copying its address.
import { computed, type WritableComputedRef } from 'vue';
import { useRoute, useRouter } from 'vue-router';

export function queryString(v: unknown): string {
  if (Array.isArray(v)) return queryString(v[0]);
  return typeof v === 'string' ? v : '';
}

/** A query parameter as a writable ref; writing it pushes a new history entry ('' removes it). */
export function useQueryParam(name: string, fallback = '', mode: 'push' | 'replace' = 'push'): WritableComputedRef<string> {
  const route = useRoute();
  const router = useRouter();
  return computed({
    get: () => queryString(route.query[name]) || fallback,
    set: (value: string) => {
      const query = { ...route.query };
      if (value && value !== fallback) query[name] = value;
      else delete query[name];
      void router[mode]({ query });
    },
  });
}

/** Set several query parameters at once. */
export function useQueryPatch() {
  const route = useRoute();
  const router = useRouter();
  return (patch: Record<string, string | null | undefined>, mode: 'push' | 'replace' = 'push') => {
    const query = { ...route.query };
    for (const [k, v] of Object.entries(patch)) {
      if (v) query[k] = v;
      else delete query[k];
    }
    return router[mode]({ query });
  };
}
