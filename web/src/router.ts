import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('./views/HomeView.vue'), meta: { title: '总览' } },
  { path: '/documents/:id', name: 'document', component: () => import('./views/DocumentView.vue'), meta: { title: '公开文件' } },
  { path: '/compare', name: 'compare', component: () => import('./views/CompareView.vue'), meta: { title: '比较' } },
  { path: '/check', name: 'check', component: () => import('./views/CheckView.vue'), meta: { title: '上传检查' } },
  { path: '/search', name: 'search', component: () => import('./views/SearchView.vue'), meta: { title: '搜索' } },
  { path: '/:rest(.*)*', name: 'notFound', component: () => import('./views/NotFoundView.vue'), meta: { title: '页面不存在' } },
];

export function makeRouter(history = createWebHistory()) {
  const router = createRouter({ history, routes });
  router.afterEach((to) => {
    if (typeof document !== 'undefined') document.title = `${String(to.meta.title ?? '')} · yusuan 预算公开门户`;
  });
  return router;
}
