/**
 * Signs a PDF built with pdf-lib (PAdES, SubFilter ETSI.CAdES.detached): a signature field with an
 * invisible widget on the first page and its signature dictionary — the reason in Chinese as a
 * UTF-16 text string, /M the time of signing —, written, then @signpdf/signpdf fills in /ByteRange and
 * puts the CMS from cades.ts into /Contents. The signature dictionary is written outside object
 * streams (a PDFInvalidObject holds its bytes), where /ByteRange and /Contents can be found and filled.
 */
import { SignPdf, Signer } from '@signpdf/signpdf';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFInvalidObject, PDFName, PDFNumber, PDFString } from 'pdf-lib';
import { cadesDetached } from './cades.js';
import type { SigningIdentity } from './pkcs12.js';

/** Room for the CMS: a 4096-bit RSA signature with a chain of four certificates fits in well under half. */
const contentsBytes = 16 * 1024;
const byteRangePlaceholder = '**********';

export interface SignatureMeta {
  /** The claimed time of signing (/M): the core's clock, never read here. */
  signingTime: Date;
  reason: string;
}

class CadesSigner extends Signer {
  constructor(private readonly identity: SigningIdentity) {
    super();
  }
  override async sign(pdf: Buffer): Promise<Buffer> {
    return cadesDetached(pdf, this.identity);
  }
}

function addPlaceholder(doc: PDFDocument, meta: SignatureMeta): void {
  const context = doc.context;
  const byteRange = PDFArray.withContext(context);
  byteRange.push(PDFNumber.of(0));
  for (let i = 0; i < 3; i++) byteRange.push(PDFName.of(byteRangePlaceholder));
  const signature = context.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'ETSI.CAdES.detached',
    ByteRange: byteRange,
    Contents: PDFHexString.of('0'.repeat(contentsBytes * 2)),
    Reason: PDFHexString.fromText(meta.reason),
    M: PDFString.fromDate(meta.signingTime),
  });
  const bytes = new Uint8Array(signature.sizeInBytes());
  signature.copyBytesInto(bytes, 0);
  const signatureRef = context.register(PDFInvalidObject.of(bytes));

  const page = doc.getPage(0);
  const widget = context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: [0, 0, 0, 0],
    V: signatureRef,
    T: PDFHexString.fromText('本局签章'),
    F: 132, // print, locked
    P: page.ref,
  });
  const widgetRef = context.register(widget);
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (annots) annots.push(widgetRef);
  else page.node.set(PDFName.of('Annots'), context.obj([widgetRef]));

  const form = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  if (form) {
    const fields = form.lookupMaybe(PDFName.of('Fields'), PDFArray);
    if (fields) fields.push(widgetRef);
    else form.set(PDFName.of('Fields'), context.obj([widgetRef]));
    form.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  } else {
    doc.catalog.set(PDFName.of('AcroForm'), context.register(context.obj({ SigFlags: 3, Fields: [widgetRef] })));
  }
}

/** Writes `doc` signed. `doc` is changed (it gains the signature field): save it only through here. */
export async function saveSigned(doc: PDFDocument, identity: SigningIdentity, meta: SignatureMeta): Promise<Buffer> {
  addPlaceholder(doc, meta);
  const unsigned = await doc.save({ useObjectStreams: true, objectsPerTick: Number.POSITIVE_INFINITY });
  return new SignPdf().sign(Buffer.from(unsigned), new CadesSigner(identity));
}

/** Signs a finished PDF (loaded and written again by pdf-lib). */
export async function signPdf(pdf: Uint8Array, identity: SigningIdentity, meta: SignatureMeta): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  return saveSigned(doc, identity, meta);
}
