// The part of unzipper (exceljs's own zip reader) that the merged-cell scan uses; it ships no types.
declare module 'unzipper' {
  export interface ZipEntry {
    path: string;
    stream(): NodeJS.ReadableStream;
  }
  export const Open: {
    file(path: string): Promise<{ files: ZipEntry[] }>;
  };
}
