/**
 * Where each real-world dev invoice comes from: the public repository, the file's path and the commit it was
 * taken at, and that repository's licence. NAME = SRC-NN-LANG, LANG being the language the page is printed in.
 * None comes from invoice2data's tests: that set is held out.
 */
export interface RealInvoiceSource {
  name: string;
  repo: string;
  commit: string;
  path: string;
  /** Where the invoice's XML is a file of its own beside the PDF (KSeF), not embedded in it: its path in the repo. */
  xmlPath?: string;
  /** A PDF with no XML: the true values, and who states them (the source's own test, or read off the page). */
  given?: { values: Record<string, string | number>; from: string };
  licence: string;
}

const CORPUS = { repo: 'ZUGFeRD/corpus', commit: '47b61beb29b7de98c3c91cdb3657415c0ede783b', licence: 'Apache-2.0' };
const MUSTANG = { repo: 'ZUGFeRD/mustangproject', commit: '096db40a9806b0b5202028509dff3563efe7fc8c', licence: 'Apache-2.0' };
const HORSTOEKO = { repo: 'horstoeko/zugferd', commit: '50e16a129733b4ddfdacd7f9c16e4b0964736f0d', licence: 'MIT' };
const AKRETION = { repo: 'akretion/factur-x', commit: '5edb9af9186e5f06f446372688e6fdbbd0b790d3', licence: 'BSD-3-Clause' };
const OCA_EDI = { repo: 'OCA/edi', commit: '94addaf1df233ce418a6cb8c2001d705e341c558', licence: 'AGPL-3.0' };
const OCA_EDI_17 = { ...OCA_EDI, commit: 'c5da9c3ca5e5def127451172cb540cd4235400fc' };
const FACTURX_NET = { repo: 'FacturX-NET/FacturXDotNet', commit: '232ae7465ca0a1ca50fb95540c9686fdeab5ee64', licence: 'MIT' };
const KSEF_PDF = { repo: 'sstybel/ksef-pdf-generator', commit: '70a96e65c048816f470ddaf342f0a073e9315e62', licence: 'MIT' };

const from = (repo: typeof CORPUS, entries: Array<[string, string]>): RealInvoiceSource[] =>
  entries.map(([name, path]) => ({ name, path, ...repo }));

export const REAL_INVOICE_SOURCES: RealInvoiceSource[] = [
  ...from(CORPUS, [
    ['corpus-01-de', 'XML-Rechnung/FX/EN16931_Einfach.pdf'],
    ['corpus-02-de', 'XML-Rechnung/FX/EN16931_Rabatte.pdf'],
    ['corpus-03-de', 'XML-Rechnung/FX/EN16931_1_Teilrechnung.pdf'],
    ['corpus-04-de', 'XML-Rechnung/FX/EN16931_Gutschrift.pdf'],
    ['corpus-05-de', 'XML-Rechnung/FX/EN16931_Haftpflichtversicherung_Versicherungssteuer.pdf'],
    ['corpus-06-de', 'XML-Rechnung/FX/EN16931_Kraftfahrversicherung_Bruttopreise.pdf'],
    ['corpus-07-de', 'XML-Rechnung/FX/EN16931_Innergemeinschaftliche_Lieferungen.pdf'],
    ['corpus-08-de', 'XML-Rechnung/FX/EN16931_Miete.pdf'],
    ['corpus-09-de', 'XML-Rechnung/FX/EN16931_OEPNV.pdf'],
    ['corpus-10-de', 'XML-Rechnung/FX/EN16931_Physiotherapeut.pdf'],
    ['corpus-11-de', 'ZUGFeRDv2/correct/intarsys/BASIC/zugferd_2p0_BASIC_Taxifahrt.pdf'],
    ['corpus-12-de', 'ZUGFeRDv2/correct/intarsys/EXTENDED/zugferd_2p0_EXTENDED_Fremdwaehrung.pdf'],
    ['corpus-13-de', 'ZUGFeRDv2/correct/intarsys/EXTENDED/zugferd_2p0_EXTENDED_Kostenrechnung.pdf'],
    ['corpus-14-de', 'ZUGFeRDv2/correct/intarsys/EXTENDED/zugferd_2p0_EXTENDED_Warenrechnung.pdf'],
    ['corpus-15-de', 'ZUGFeRDv2/correct/intarsys/MINIMUM/zugferd_2p0_MINIMUM.pdf'],
    ['corpus-16-de', 'ZUGFeRDv1/correct/4s4u/additional-data-sample-1.pdf'],
    ['corpus-17-de', 'ZUGFeRDv2/correct/Mustangproject/MustangGnuaccountingBeispielRE-20201121_508.pdf'],
    ['corpus-18-fr', 'ZUGFeRDv2/correct/FNFE-factur-x-examples/Avoir_FR_type381_BASIC.pdf'],
    ['corpus-19-fr', 'ZUGFeRDv2/correct/FNFE-factur-x-examples/Facture_DOM_BASICWL.pdf'],
    ['corpus-20-fr', 'ZUGFeRDv2/correct/FNFE-factur-x-examples/Facture_FR_BASICWL.pdf'],
    ['corpus-21-en', 'ZUGFeRDv2/correct/FNFE-factur-x-examples/Facture_UE_BASICWL.pdf']
  ]),
  ...from(MUSTANG, [
    ['mustang-01-de', 'library/src/test/resources/MustangBeispiel20221026.pdf'],
    ['mustang-02-de', 'library/src/test/resources/zugferd_invoice.pdf'],
    ['mustang-03-de', 'library/src/test/resources/ZTESTZUGFERD_1_INVDSS_012015738820PDF-1.pdf'],
    ['mustang-04-en', 'validator/src/test/resources/103767-Invoice-2026-03-24-1.pdf'],
    ['mustang-05-fr', 'validator/src/test/resources/Facture_F20180027.pdf']
  ]),
  ...from(HORSTOEKO, [['horstoeko-01-de', 'tests/assets/pdf_zf_en16931_1.pdf']]),
  ...from(AKRETION, [['akretion-01-fr', 'tests/fixtures/pdf/invoice_EN16931.pdf']]),
  ...from(FACTURX_NET, [
    ['facturxnet-01-fr', 'src/Tests.FacturXDotNet/TestFiles/FacturX/3.EN16931/Facture_F20220031-LE_FOURNISSEUR-POUR-LE_CLIENT_EN_16931.pdf'],
    ['facturxnet-02-fr', "src/Tests.FacturXDotNet/TestFiles/FacturX/3.EN16931/Facture_UC1_2023020_AFF-LE_FOURNISSEUR-POUR-L'ACHETEUR_EN_16931.pdf"]
  ]),
  { name: 'ksef-01-pl', path: 'examples/invoice.pdf', xmlPath: 'examples/invoice.xml', ...KSEF_PDF },
  {
    name: 'oca-01-en',
    path: 'account_invoice_import_simple_pdf/tests/pdf/akretion_france-test.pdf',
    given: {
      from: "OCA's test_invoice_import.py asserts number, dates, currency, total and untaxed; vendor and VAT read off the page",
      values: { vendor: 'Akretion France', invoice_number: 'VT/2022/0001', invoice_date: '2022-09-21', due_date: '2022-10-21', currency: 'EUR', subtotal: 1509, tax: 301.8, total: 1810.8 }
    },
    ...OCA_EDI
  },
  {
    name: 'oca-02-fr',
    path: 'account_invoice_import_simple_pdf/tests/pdf/bouygues_telecom-test.pdf',
    given: {
      from: "OCA's test_invoice_import.py asserts number, date, currency, total and untaxed; vendor and VAT read off the page",
      values: { vendor: 'Bouygues Telecom', invoice_number: '11608848301659', invoice_date: '2019-11-02', currency: 'EUR', subtotal: 10.83, tax: 2.17, total: 12.99 }
    },
    ...OCA_EDI
  },
  {
    name: 'oca-03-es',
    path: 'test_base_import_pdf_by_template/tests/data/account_invoice_tecnativa.pdf',
    given: {
      from: 'read off the page (the OCA test checks only its lines); no currency is printed, so none is given',
      values: { vendor: 'Tecnativa', invoice_number: 'INV/2024/00005', invoice_date: '2024-07-05', subtotal: 1419, tax: 302, total: 1721 }
    },
    ...OCA_EDI_17
  }
];
