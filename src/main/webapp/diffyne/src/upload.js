// File fields bound with diff:model: each file is POSTed to {endpoint}/upload (multipart: componentId, property,
// then file — the server streams the file, so the fields come first) with progress events, then the property is
// updated with the id(s) the server returned (`{"s":true,"id":…}`) — an array for `multiple`.
// Events on the field: diffyne:upload-progress {file, loaded, total, progress 0..1}, diffyne:upload-finished {value}.
import { PATH_UPLOAD, UPDATE, VALIDATION_ERROR } from './constants.js';
import { client } from './client.js';
import { upload } from './ajax.js';
import { send } from './component.js';
import * as loading from './loading.js';
import * as errors from './errors.js';

const fire = (el, name, detail) => el.dispatchEvent(new CustomEvent('diffyne:' + name, { bubbles: true, detail }));

export async function uploadField(comp, el, prop) {
  const files = [...(el.files || [])];
  if (!files.length) return;
  loading.begin(comp, prop);
  try {
    const ids = [];
    for (const file of files) {
      const form = new FormData();
      form.append('componentId', comp.id);
      form.append('property', prop);
      form.append('file', file);
      const res = await upload(client.config.endpoint + PATH_UPLOAD, form, (loaded, total) =>
        fire(el, 'upload-progress', { file: file.name, loaded, total, progress: total ? loaded / total : 0 }));
      if (!res.s) {
        if (res.type === VALIDATION_ERROR) {
          errors.strip(comp);
          comp.errors = res.errors || { [prop]: [res.error] };
          errors.show(comp);
        }
        return errors.report(comp, res);
      }
      ids.push(res.id);
    }
    const value = el.multiple ? ids : ids[0];
    fire(el, 'upload-finished', { value });
    await send(comp, { type: UPDATE, property: prop, value });
  } catch (e) {
    errors.report(comp, { s: false, type: e.type, error: e.message });
  } finally {
    loading.end(comp, prop);
  }
}
