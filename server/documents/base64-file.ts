/**
 * A file sent base64-encoded in a JSON body (the historical exchange and expenditure import routes): the one
 * decoder. The import pipeline's own routes take the file's bytes as the body.
 */
export const bytesOfBase64 = (content: string): Buffer => Buffer.from(content, 'base64');
