// One run of a pipeline: when it started, whether its objects expired, and its objects.

import { ApiError, call, path } from '../api.js';
import { h } from '../dom.js';
import { breadcrumbs, heading, when } from '../ui.js';
import { objectsPanel } from './objects.js';

export async function runView(ctx) {
  const { grant, params: [namespace, pipeline, runText], query: search } = ctx;
  const run = Number(runText);
  const nsHash = `#/namespaces/${path(namespace)}`;
  const pipelineHash = `${nsHash}/pipelines/${path(pipeline)}`;
  const here = `${pipelineHash}/runs/${run}`;
  const api = `api/namespaces/${path(namespace)}/pipelines/${path(pipeline)}/runs/${run}`;
  const root = h('section', { class: 'run' },
    breadcrumbs(['Namespaces', '#/'], [namespace, nsHash], [pipeline, pipelineHash], [`Run ${run}`, here]),
    heading(`Run ${run} of ${pipeline}`));
  let info;
  try {
    info = (await call('GET', api)).run;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      root.append(h('p', { class: 'notice' }, 'This run was never registered.'));
      return root;
    }
    throw error;
  }
  root.append(h('p', {}, 'Started ', when(info.started), '. ',
    info.objects_expired ? 'Its objects have expired: it takes no more writes.' : 'Its objects are kept.'));
  if (!info.objects_expired) {
    root.append(await objectsPanel({
      objectsPath: `${api}/objects`, here, search, canDelete: grant.canOnRun('delete', namespace, pipeline, run),
      scopeName: `run ${run} of ${namespace}/${pipeline}`, navigate: ctx.navigate, refresh: ctx.refresh,
    }));
  }
  return root;
}
