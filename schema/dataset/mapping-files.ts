/**
 * The files a dataset mapping reads. Pure (no zod), so the web wizard lists them for a mapping the
 * user picks before the server has checked it.
 */
interface FilesOfMapping {
  nodes?: readonly { path: string; join?: { path: string } | null }[];
  edges?: readonly { path: string }[];
}

/** Node and edge files and the files they join, in mapping order, each once. */
export function mappingFiles(mapping: FilesOfMapping): string[] {
  const paths = [
    ...(mapping.nodes ?? []).flatMap((n) => [n.path, ...(n.join ? [n.join.path] : [])]),
    ...(mapping.edges ?? []).map((e) => e.path),
  ];
  return [...new Set(paths)];
}

/** A path's file name: uploads are matched to the mapping by it. */
export function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
