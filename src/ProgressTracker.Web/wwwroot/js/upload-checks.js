// What the upload page can tell about a file before sending it. The server still decides from the bytes; these
// checks only catch what is clearly wrong, so the clinician hears about it at once instead of after an upload.
const ACCEPTED = 'HEIC, JPEG, PNG, WebP, AVIF and TIFF are accepted';
const PHOTO_EXTENSIONS = ['jpg', 'jpeg', 'jpe', 'jfif', 'png', 'webp', 'avif', 'heic', 'heif', 'tif', 'tiff'];
// Chromium draws these itself; HEIC and TIFF only become visible once the server has made the thumbnail.
const PREVIEWABLE_EXTENSIONS = ['jpg', 'jpeg', 'jpe', 'jfif', 'png', 'webp', 'avif'];
const PREVIEWABLE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif'];
const FOREIGN = [
  ['application/pdf', 'a PDF'],
  ['image/gif', 'a GIF image'],
  ['image/bmp', 'a BMP image'],
  ['image/svg+xml', 'an SVG drawing'],
  ['video/', 'a video'],
  ['audio/', 'an audio file'],
  ['text/', 'a text document'],
  ['application/zip', 'a ZIP archive'],
  ['application/vnd.', 'an office document'],
  ['application/msword', 'a Word document'],
];

const extension = (name) => {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
};

const isPhotoType = (type) =>
  PREVIEWABLE_TYPES.includes(type) || /^image\/(heic|heif|tiff)(-sequence)?$/.test(type);

export const formatBytes = (bytes) => {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const megabytes = bytes / (1024 * 1024);
  return `${Number.isInteger(megabytes) ? megabytes : megabytes.toFixed(1)} MB`;
};

/** The reason a file cannot be a photo upload, or null when only the server can tell. */
export function precheck(file, maxBytes) {
  if (file.size === 0) return 'The file is empty.';
  if (file.size > maxBytes) return `This file is ${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)}.`;
  // Phones and browsers mislabel photos (".jpg" HEICs, no type at all), so reject only when both the type and
  // the name say it is something else.
  if (file.type === '' || isPhotoType(file.type) || PHOTO_EXTENSIONS.includes(extension(file.name))) return null;
  const known = FOREIGN.find(([prefix]) => file.type.startsWith(prefix));
  return `${ACCEPTED}; this file is ${known ? known[1] : `of type ${file.type}`}.`;
}

export const canPreview = (file) =>
  PREVIEWABLE_TYPES.includes(file.type) || PREVIEWABLE_EXTENSIONS.includes(extension(file.name));
