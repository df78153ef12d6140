/**
 * A file input behind a button in the app's words: the browser's bare button speaks the browser's
 * language and says "no file chosen" whatever was picked. The input stays (hidden, focusable) for
 * keyboards, screen readers and tests (`setInputFiles('#id')`).
 */
export function FilePicker({
  id,
  label,
  accept,
  multiple = false,
  small = false,
  onFiles,
}: {
  id: string;
  /** What the button says: the chosen file's name once there is one. */
  label: string;
  accept?: string;
  multiple?: boolean;
  small?: boolean;
  onFiles: (files: File[]) => void;
}) {
  return (
    <label class={`button file-button${small ? ' small' : ''}`}>
      {label}
      <input
        id={id}
        type="file"
        accept={accept}
        multiple={multiple}
        class="visually-hidden"
        onChange={(e) => onFiles([...((e.target as HTMLInputElement).files ?? [])])}
      />
    </label>
  );
}
