/** A published form version as applications name it: `export-permit@3`. */
export function parseFormVersionId(versionId: string): { formId: string; version: number } | null {
  const match = /^([a-z0-9][a-z0-9-]*)@([1-9]\d{0,8})$/.exec(versionId);
  return match ? { formId: match[1]!, version: Number(match[2]) } : null;
}
