// File fields bound with diff:model: each file is POSTed to {endpoint}/upload (multipart: the component's signed
// snapshot, the property, then the file — the server checks the first two before it reads the file, which it streams)
// with progress events, then the property is updated with the id(s) the server returned (`{"s":true,"id":…}`) — an
// array for `multiple`. A refused upload (too large, wrong type, quota full…) shows its message at the field's
// diff:error. Events on the field: diffyne:upload-progress {file, index, count, loaded, total, progress 0..1} (the last
// at progress 1), diffyne:upload-finished {value, uploads: the server's answers}.
import { PATH_UPLOAD, UPDATE, VALIDATION_ERROR } from './constants.js';
import { client } from './client.js';
import { upload } from './ajax.js';
import { send } from './component.js';
import * as loading from './loading.js';
import * as errors from './errors.js';

const fire = (el, name, detail) => el.dispatchEvent(new CustomEvent('diffyne:' + name, { bubbles: true, detail }));

function refused(comp, prop, res) {
  errors.strip(comp);
  comp.errors = res.type === VALIDATION_ERROR && res.errors ? res.errors : { ...comp.errors, [prop]: [res.error] };
  errors.show(comp);
  return errors.report(comp, res);
}

export async function uploadField(comp, el, prop) {
  const files = [...(el.files || [])];
  if (!files.length) return;
  loading.begin(comp, prop);
  try {
    const answers = [];
    for (const [index, file] of files.entries()) {
      const form = new FormData();
      form.append('snapshot', JSON.stringify(comp.snapshot));
      form.append('property', prop);
      form.append('file', file);
      const progress = (loaded, total) =>
        fire(el, 'upload-progress', { file: file.name, index, count: files.length, loaded, total, progress: total ? loaded / total : 0 });
      const res = await upload(client.config.endpoint + PATH_UPLOAD, form, progress);
      if (!res.s) return refused(comp, prop, res);
      answers.push(res);
    }
    const ids = answers.map((a) => a.id);
    const value = el.multiple ? ids : ids[0];
    fire(el, 'upload-finished', { value, uploads: answers });
    await send(comp, { type: UPDATE, property: prop, value });
  } catch (e) {
    errors.report(comp, { s: false, type: e.type, error: e.message });
  } finally {
    loading.end(comp, prop);
  }
}
