/** An evidence photo ready to be stored: compressed, metadata stripped, content-addressed. */
export interface PreparedPhoto {
  /** SHA-256 hex of the bytes. */
  hash: string;
  blob: Blob;
  type: string;
  bytes: number;
  width: number;
  height: number;
}
