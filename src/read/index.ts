// Entry point for reading a published file into a Disclosure: detect the format from content,
// decode, pick the profile (or take the forced one), read, interpret.

import { readFileSync, statSync } from 'node:fs';
import { interpretDocument } from '../interpret/interpret.js';
import type { Disclosure } from '../model/types.js';
import { detectProfile } from '../profiles/registry.js';
import type { Profile } from '../profiles/types.js';
import { InputError } from './errors.js';
import { decodeText, MAX_INPUT_BYTES, sniffFormat } from './text/decode.js';
import { looksLikeDisclosure, readTextDocument } from './text/reader.js';

export interface ReadOptions {
  profiles: Profile[];
  /** Force a profile by id instead of detecting it. */
  profileId?: string;
}

export function readDisclosureFile(path: string, options: ReadOptions): { disclosure: Disclosure; profile: Profile } {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError(path, '这是一个目录，请给出文件');
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(path, '文件不存在或无法读取');
  }
  if (size === 0) throw new InputError(path, '文件为空');
  if (size > MAX_INPUT_BYTES) throw new InputError(path, `文件过大（${(size / 1048576).toFixed(1)} MB，上限 ${MAX_INPUT_BYTES / 1048576} MB）`);
  return readDisclosureBytes(readFileSync(path), path, options);
}

export function readDisclosureBytes(bytes: Uint8Array, file: string, options: ReadOptions): { disclosure: Disclosure; profile: Profile } {
  const format = sniffFormat(bytes);
  if (format === 'binary') throw new InputError(file, '不是文本文件，也不是可识别的 PDF/XLSX/HTML 文件');
  if (format !== 'text') throw new InputError(file, `暂不支持 ${format.toUpperCase()} 格式，请先转换为文本（pdftotext）`);
  const text = decodeText(bytes, file);
  if (!looksLikeDisclosure(text)) throw new InputError(file, '内容不像部门预算或决算公开文件（未找到预算/决算、收支和金额单位）');
  const profile = pickProfile(text, file, options);
  const raw = readTextDocument(text, file, bytes, profile);
  if (raw.tables.length === 0) throw new InputError(file, `按模板“${profile.name}”未找到任何公开表`);
  return { disclosure: interpretDocument(raw, profile), profile };
}

function pickProfile(text: string, file: string, options: ReadOptions): Profile {
  if (options.profileId) {
    const p = options.profiles.find((x) => x.id === options.profileId);
    if (!p) throw new InputError(file, `未知模板“${options.profileId}”；可用模板：${options.profiles.map((x) => x.id).join('、')}`);
    return p;
  }
  const p = detectProfile(text, options.profiles);
  if (!p) throw new InputError(file, `无法识别公开模板；可用 --profile 指定（可用模板：${options.profiles.map((x) => x.id).join('、')}）`);
  return p;
}
