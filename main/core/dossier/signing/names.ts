/**
 * A certificate's names as people read them. Each attribute is read from its own ASN.1 string type
 * (UTF8String, PrintableString, BMPString …) by asn1js, so a Chinese 单位名称 comes out as written —
 * the double-encoding node-forge is known for cannot happen here.
 */
import type { Certificate, RelativeDistinguishedNames } from 'pkijs';

const shortNames: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.5': 'SERIALNUMBER',
  '1.2.840.113549.1.9.1': 'E',
};

function valueText(value: unknown): string {
  const block = (value as { valueBlock?: { value?: unknown } }).valueBlock;
  return typeof block?.value === 'string' ? block.value : '';
}

/** Each attribute in the certificate's order, most significant first as written (C, ST, L, O, OU, CN). */
export function nameParts(name: RelativeDistinguishedNames): Array<{ type: string; value: string }> {
  return name.typesAndValues.map((tv) => ({ type: shortNames[tv.type] ?? tv.type, value: valueText(tv.value) }));
}

/** `CN=…, O=…, C=CN`: the usual reading order, the common name first. */
export function nameText(name: RelativeDistinguishedNames): string {
  return nameParts(name)
    .reverse()
    .map((p) => `${p.type}=${p.value}`)
    .join(', ');
}

/** The common name, else the organisation, else the whole name. */
export function commonName(cert: Certificate): string {
  const parts = nameParts(cert.subject);
  return (
    parts.find((p) => p.type === 'CN')?.value || parts.find((p) => p.type === 'O')?.value || nameText(cert.subject)
  );
}
