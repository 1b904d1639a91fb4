/**
 * The words invoices put before their values, per field, in English, Korean, German, French, Dutch,
 * Spanish, Italian and Polish. Data only: ./compile.ts turns each list into one case- and accent-insensitive
 * pattern, and where two labels overlap in a line the longer one wins ("Total HT" is the net, not the
 * total; "USt-IdNr." is an id, not the tax), so no list needs exceptions for another's words.
 *
 * Phrase syntax: words apart by a space match any run of spaces, dots, hyphens, slashes or brackets
 * ("Rechnungs Nr" finds "Rechnungs-Nr.", "RechnungsNr" and "Rechnungs Nr"); write accents as usual
 * (they are folded away on both sides); `#`, `°` and `º` are taken literally.
 */
export type Lang = 'en' | 'ko' | 'de' | 'fr' | 'nl' | 'es' | 'it' | 'pl';

export type LabelField =
  | 'invoice_number'
  | 'invoice_date'
  | 'due_date'
  | 'subtotal'
  | 'tax'
  | 'total'
  | 'seller'
  | 'buyer'
  | 'vat_id'
  | 'iban'
  | 'other_date'
  | 'other_number'
  | 'other_amount'
  | 'tax_rate';

type Words = Partial<Record<Lang, string[]>>;

export const LABEL_WORDS: Record<LabelField, Words> = {
  invoice_number: {
    en: ['invoice no', 'invoice number', 'invoice num', 'invoice nr', 'invoice #', 'invoice id', 'inv no', 'inv #', 'inv num', 'bill no', 'bill number', 'tax invoice no', 'invoice ref', 'invoice reference', 'document no', 'receipt no', 'receipt number', 'receipt #'],
    ko: ['송장번호', '송장 번호', '청구번호', '청구 번호', '청구서번호', '청구서 번호', '계산서번호', '계산서 번호', '세금계산서번호', '인보이스번호', '인보이스 번호', '거래명세서번호', '문서번호', '문서 번호', '승인번호', '승인 번호'],
    de: ['rechnungsnummer', 'rechnungs nr', 'rechnungsnr', 'rechnung nr', 'rechnung nummer', 'rechnung #', 're nr', 'rg nr', 'belegnummer', 'beleg nr', 'quittungsnummer'],
    fr: ['facture n°', 'facture no', 'facture nº', 'facture numero', 'facture #', 'n° de facture', 'no de facture', 'nº de facture', 'numero de facture', 'n° facture', 'numero facture', 'ref facture', 'reference facture'],
    nl: ['factuurnummer', 'factuur nr', 'factuurnr', 'factuur nummer', 'factuur #', 'nota nr', 'notanummer'],
    es: ['numero de factura', 'n° de factura', 'nº de factura', 'no de factura', 'num factura', 'factura n°', 'factura nº', 'factura no', 'factura num', 'factura numero', 'factura #', 'n° factura', 'nº factura'],
    it: ['numero fattura', 'fattura n', 'fattura n°', 'fattura nº', 'fattura numero', 'fattura nr', 'n° fattura', 'nr fattura', 'numero documento', 'num doc'],
    pl: ['numer faktury', 'faktura nr', 'faktura vat nr', 'nr faktury', 'faktura numer', 'faktura vat numer', 'nr dokumentu', 'numer dokumentu', 'faktura vat']
  },
  invoice_date: {
    en: ['invoice date', 'date of invoice', 'date of issue', 'issue date', 'issued on', 'issued', 'date issued', 'billing date', 'bill date', 'tax point', 'date'],
    ko: ['발행일', '발행일자', '발행 일자', '작성일', '작성일자', '작성 일자', '청구일', '청구일자', '거래일', '거래일자', '일자'],
    de: ['rechnungsdatum', 'rechnungs datum', 'ausstellungsdatum', 'belegdatum', 'datum', 're datum', 'rg datum'],
    fr: ['date de facture', 'date de facturation', 'date facture', "date d'emission", 'date emission', 'emise le', 'date'],
    nl: ['factuurdatum', 'factuur datum', 'datum factuur', 'datum'],
    es: ['fecha de factura', 'fecha factura', 'fecha de emision', 'fecha emision', 'fecha'],
    it: ['data fattura', 'data della fattura', 'data di emissione', 'data emissione', 'data documento', 'data'],
    pl: ['data wystawienia', 'data faktury', 'wystawiono', 'data']
  },
  due_date: {
    en: ['due date', 'payment due date', 'payment due', 'date due', 'due by', 'due on', 'due', 'pay by', 'payable by', 'payment date', 'payment deadline', 'remit until', 'remit by', 'pay until', 'please pay by', 'payable until'],
    ko: ['지급기한', '지급 기한', '납부기한', '납부 기한', '결제기한', '결제 기한', '지불기한', '입금기한', '만기일', '납기일'],
    de: ['fälligkeitsdatum', 'fällig am', 'fällig bis', 'fälligkeit', 'zahlbar bis', 'zahlbar bis zum', 'zahlung bis zum', 'betrag bis zum', 'zahlungsziel', 'zahlungsfrist', 'fällig'],
    fr: "date d'echeance|echeance|date limite de paiement|a payer avant le|payable le|date de paiement|a regler avant le".split('|'),
    nl: ['vervaldatum', 'verval datum', 'uiterste betaaldatum', 'betalen voor', 'te betalen voor', 'betaaldatum'],
    es: ['fecha de vencimiento', 'vencimiento', 'fecha limite de pago', 'fecha de pago'],
    it: ['data scadenza', 'data di scadenza', 'scadenza', 'scadenza pagamento'],
    pl: ['termin płatności', 'termin zapłaty', 'data płatności', 'płatne do']
  },
  subtotal: {
    en: ['subtotal', 'sub total', 'net amount', 'net total', 'total net', 'net value', 'net:', 'total before tax', 'total excl tax', 'total excl vat', 'total excluding tax', 'total excluding vat', 'total ex vat', 'total ex tax', 'amount before tax', 'amount excl vat', 'excl vat', 'excl tax', 'taxable amount', 'total before vat', 'net amount excl vat', 'total net amount'],
    ko: ['공급가액', '공급 가액', '공급가', '소계', '소 계', '과세표준'],
    de: ['rechnungssumme ohne ust', 'summe ohne ust', 'gesamtbetrag ohne ust', 'positionssumme', 'summe positionen', 'warenwert netto', 'zwischensumme', 'nettobetrag', 'netto betrag', 'summe netto', 'gesamt netto', 'nettosumme', 'netto', 'warenwert', 'rechnungsbetrag netto', 'betrag netto', 'gesamtbetrag netto', 'summe exkl mwst', 'summe ohne mwst', 'zwischensumme netto', 'nettowert', 'bemessungsgrundlage', 'summe nettowerte'],
    fr: ['sous total', 'total ht', 'montant ht', 'total hors taxes', 'montant hors taxes', 'hors taxes', 'prix ht', 'net ht', 'total net ht', 'base ht', 'base tva', 'base hors taxes', 'montant net ht'],
    nl: ['subtotaal', 'sub totaal', 'totaal excl btw', 'totaal exclusief btw', 'excl btw', 'exclusief btw', 'netto bedrag', 'nettobedrag', 'totaal netto', 'bedrag excl btw'],
    es: ['subtotal', 'base imponible', 'importe neto', 'total sin iva', 'neto', 'total parcial', 'suma parcial', 'total neto'],
    it: ['imponibile', 'totale imponibile', 'subtotale', 'totale netto', 'netto'],
    pl: ['wartość netto', 'razem netto', 'suma netto', 'netto', 'kwota netto', 'podstawa opodatkowania']
  },
  tax: {
    en: ['tax', 'vat', 'gst', 'hst', 'sales tax', 'tax amount', 'vat amount', 'total tax', 'total vat', 'vat total', 'tax total', 'total taxes', 'taxes', 'total vat amount'],
    ko: ['부가세', '부가가치세', '부가 가치세', '세액', '세 액'],
    de: ['mwst', 'mehrwertsteuer', 'ust', 'umsatzsteuer', 'zzgl mwst', 'zzgl ust', 'mwst betrag', 'steuer', 'steuerbetrag', 'ust betrag', 'summe mwst', 'summe ust', 'mwst gesamt', 'ust gesamt', 'steuerbetrag gesamt'],
    fr: ['tva', 'montant tva', 'total tva', 'taxe', 'taxes', 'total taxes', 'total des taxes', 'montant de tva', 'montant de la tva'],
    nl: ['btw', 'btw bedrag', 'totaal btw'],
    es: ['iva', 'cuota iva', 'importe iva', 'impuesto', 'total iva', 'impuestos', 'total impuestos', 'total impuesto', 'cuota'],
    it: ['iva', 'imposta', 'totale iva'],
    pl: ['vat', 'kwota vat', 'podatek vat', 'ptu', 'wartość vat', 'razem vat', 'kwota podatku', 'podatek', 'suma vat']
  },
  total: {
    en: ['total', 'amount due', 'total due', 'balance due', 'grand total', 'total amount', 'invoice total', 'amount payable', 'total payable', 'total incl vat', 'total incl tax', 'total including vat', 'total including tax', 'total to pay', 'amount to pay', 'total gross', 'gross total', 'gross amount', 'due payable', 'total amount due', 'total incl vat amount'],
    ko: ['청구금액', '청구 금액', '합계금액', '합계 금액', '총액', '총 액', '총금액', '총 금액', '합계', '합 계', '결제금액', '결제 금액', '받을금액', '총 청구금액'],
    de: ['gesamtbetrag', 'gesamt', 'summe', 'gesamtsumme', 'endbetrag', 'rechnungsbetrag', 'bruttobetrag', 'brutto', 'summe brutto', 'gesamt brutto', 'zu zahlen', 'zahlbetrag', 'zahlbarer betrag', 'rechnungssumme', 'endsumme', 'total', 'bruttosumme', 'gesamtbetrag brutto', 'summe inkl mwst', 'gesamt inkl mwst', 'betrag inkl mwst'],
    fr: ['total ttc', 'montant ttc', 'net a payer', 'total a payer', 'montant a payer', 'montant total', 'total', 'ttc', 'reste a payer', 'somme due'],
    nl: ['totaal', 'totaalbedrag', 'totaal bedrag', 'te betalen', 'totaal incl btw', 'totaal inclusief btw', 'incl btw', 'eindtotaal', 'factuurbedrag', 'bedrag incl btw'],
    es: ['total', 'importe total', 'total factura', 'total a pagar', 'importe a pagar', 'saldo adeudado', 'importe adeudado', 'total adeudado', 'total con iva'],
    it: ['totale', 'totale fattura', 'totale documento', 'importo totale', 'totale da pagare', 'netto a pagare', 'totale ivato'],
    pl: ['razem', 'do zapłaty', 'razem do zapłaty', 'suma brutto', 'wartość brutto', 'razem brutto', 'kwota brutto', 'brutto', 'ogółem', 'suma']
  },
  seller: {
    en: ['from', 'seller', 'vendor', 'supplier', 'sold by', 'issued by', 'bill from', 'billed by', 'provider', 'merchant'],
    ko: ['공급자', '공급자 상호', '판매자', '상호', '상호명', '상 호'],
    de: ['verkäufer', 'lieferant', 'rechnungssteller', 'absender', 'anbieter', 'auftragnehmer', 'von:'],
    fr: ['vendeur', 'fournisseur', 'emetteur', 'prestataire', 'de la part de'],
    nl: ['leverancier', 'verkoper', 'afzender', 'van:'],
    es: ['vendedor', 'proveedor', 'emisor', 'emitido por'],
    it: ['venditore', 'fornitore', 'cedente', 'cedente prestatore', 'emittente'],
    pl: ['sprzedawca', 'dostawca', 'wystawca', 'sprzedający']
  },
  buyer: {
    en: ['bill to', 'billed to', 'ship to', 'sold to', 'customer', 'client', 'buyer', 'invoice to', 'invoiced to', 'deliver to', 'recipient', 'to:', 'attention', 'attn', 'client no', 'client number'],
    ko: ['공급받는자', '공급받는 자', '받는 분', '받는분', '고객', '귀하'],
    de: ['kunde', 'rechnungsempfänger', 'empfänger', 'käufer', 'leistungsempfänger', 'warenempfänger', 'abweichender warenempfänger', 'lieferadresse', 'rechnungsadresse', 'auftraggeber', 'an:'],
    fr: ['client', 'facturé à', 'facture a', 'adresse de facturation', 'adresse de livraison', 'livré à', 'destinataire', 'acheteur'],
    nl: ['klant', 'afnemer', 'factuuradres', 'afleveradres', 'aan:', 'koper'],
    es: ['cliente', 'facturar a', 'comprador', 'destinatario', 'enviar a'],
    it: ['cliente', 'destinatario', 'cessionario', 'cessionario committente', 'spett le', 'spettabile', 'acquirente'],
    pl: ['nabywca', 'odbiorca', 'kupujący', 'klient', 'płatnik']
  },
  vat_id: {
    en: ['vat no', 'vat number', 'vat reg no', 'vat registration number', 'vat id', 'vat reg', 'tax id', 'tax no', 'tax number', 'tin', 'abn', 'gst no', 'gst number', 'company no', 'company number', 'reg no'],
    ko: ['사업자등록번호', '사업자 등록 번호', '등록번호', '사업자번호'],
    de: ['ust idnr', 'ust id nr', 'ust id', 'ustid', 'ust idnr', 'umsatzsteuer id', 'umsatzsteuer identifikationsnummer', 'steuernummer', 'steuer nr', 'st nr', 'mwst nr', 'uid', 'handelsregister', 'hrb'],
    fr: ['tva intracommunautaire', 'n° tva', 'no tva', 'numero de tva', 'tva intracom', 'siret', 'siren', 'rcs', 'n° tva intracommunautaire', 'id tva'],
    nl: ['btw nummer', 'btw nr', 'btw id', 'btw identificatienummer', 'kvk', 'kvk nummer', 'btw no'],
    es: ['nif', 'cif', 'nif iva', 'n° iva'],
    it: ['partita iva', 'p iva', 'codice fiscale', 'cod fisc'],
    pl: ['nip', 'regon', 'krs']
  },
  iban: {
    en: ['iban', 'account no', 'account number', 'bank account', 'swift', 'bic', 'sort code'],
    ko: ['계좌번호', '계좌', '입금계좌'],
    de: ['kontonummer', 'bankverbindung', 'konto'],
    fr: ['rib', 'numero de compte', 'coordonnees bancaires'],
    nl: ['rekeningnummer', 'bankrekening'],
    es: ['cuenta bancaria', 'numero de cuenta'],
    it: ['conto corrente', 'coordinate bancarie'],
    pl: ['numer konta', 'nr konta', 'konto bankowe', 'rachunek bankowy', 'nr rachunku']
  },
  // Amounts beside the sums that are none of them: they shadow "Gesamtbetrag" in "Gesamtbetrag der Abschläge".
  other_amount: {
    en: ['amount paid', 'paid', 'total paid', 'discount', 'total discount', 'total allowances', 'total charges', 'prepaid amount', 'deposit', 'rounding'],
    de: ['gesamtbetrag der zuschläge', 'gesamtbetrag der abschläge', 'summe zuschläge', 'summe abschläge', 'erhaltene anzahlungen', 'anzahlung', 'skonto', 'rabatt', 'bereits gezahlt', 'rundung'],
    fr: ['acompte', 'acomptes', 'remise', 'total remises', 'total charges', 'deja paye', 'escompte', 'montant paye'],
    nl: ['korting', 'aanbetaling', 'reeds betaald'],
    es: ['descuento', 'anticipo', 'pagado'],
    it: ['sconto', 'acconto', 'pagato'],
    pl: ['rabat', 'zaliczka', 'zapłacono', 'wpłacono']
  },
  // Labels of other dates and numbers: found only so they shadow the invoice's own ("Order date", "Lieferdatum").
  other_date: {
    en: ['order date', 'delivery date', 'ship date', 'shipping date', 'service date', 'period', 'date of supply', 'dispatch date', 'original invoice date', 'related invoice date', 'referenced invoice date', 'date of original invoice'],
    ko: ['주문일', '납품일', '배송일'],
    de: ['lieferdatum', 'leistungsdatum', 'bestelldatum', 'auftragsdatum', 'leistungszeitraum', 'lieferzeitraum', 'datum der ursprungsrechnung', 'datum der rechnung vom', 'rechnungsdatum der ursprungsrechnung'],
    fr: ['date de livraison', 'date de commande', 'date de prestation', 'date de facture associee', 'date facture associee', 'date de la facture d origine', 'date de la facture initiale', 'date de debut de prestation', 'date de fin de prestation'],
    nl: ['leverdatum', 'besteldatum', 'orderdatum'],
    es: ['fecha de pedido', 'fecha de entrega', 'fecha factura rectificada', 'fecha de la factura original'],
    it: ['data ordine', 'data consegna'],
    pl: ['data sprzedaży', 'data dostawy', 'data zamówienia', 'data wykonania usługi']
  },
  other_number: {
    en: ['original invoice', 'related invoice', 'referenced invoice', 'corrected invoice', 'order no', 'order number', 'order #', 'po no', 'po number', 'po #', 'purchase order', 'customer no', 'customer number', 'customer id', 'account #', 'reference', 'ref no', 'delivery note', 'phone', 'tel', 'fax'],
    ko: ['주문번호', '고객번호', '전화', '전화번호'],
    de: ['ursprungsrechnung', 'bezugsrechnung', 'korrigierte rechnung', 'bestellnummer', 'bestell nr', 'auftragsnummer', 'auftrags nr', 'kundennummer', 'kunden nr', 'lieferschein nr', 'lieferscheinnummer', 'telefon', 'tel'],
    fr: ['n° de facture associee', 'facture associee', 'facture d origine', 'facture initiale', 'n° de commande', 'numero de commande', 'n° client', 'numero client', 'bon de commande', 'telephone', 'tel'],
    nl: ['ordernummer', 'bestelnummer', 'klantnummer', 'referentie', 'telefoon'],
    es: ['factura rectificada', 'factura original', 'numero de pedido', 'n° de pedido', 'n° cliente', 'telefono'],
    it: ['numero ordine', 'n° ordine', 'codice cliente', 'telefono'],
    pl: ['numer zamówienia', 'nr zamówienia', 'nr klienta', 'telefon', 'tel', 'faktura korygowana', 'nr faktury korygowanej']
  },
  // A tax's rate, not its amount: "MwSt-%", "Taux TVA", "Tasa de impuesto 15,00%" shadow the tax's own labels.
  tax_rate: {
    en: ['tax rate', 'vat rate', 'vat %', 'tax %', 'gst rate', 'rate of vat'],
    ko: ['세율'],
    de: ['steuersatz', 'mwst satz', 'ust satz', 'mwst %', 'ust %', 'steuer %', 'mwst-satz'],
    fr: ['taux', 'taux tva', 'taux de tva', 'tva %'],
    nl: ['btw tarief', 'btw %', 'btw percentage', 'tarief'],
    es: ['tasa de impuesto', 'tipo de iva', 'tipo iva', 'iva %', 'tasa', 'tipo impositivo'],
    it: ['aliquota', 'aliquota iva', 'iva %'],
    pl: ['stawka', 'stawka vat', 'vat %', 'stawka podatku']
  }
};

/** Keys that give a block's name in a "Key: value" list ("Name: Lieferant GmbH" under "Verkäufer"). */
export const NAME_KEYS: string[] = ['name', 'company', 'company name', 'firma', 'firmenname', 'nom', 'raison sociale', 'denomination', 'naam', 'bedrijfsnaam', 'nombre', 'razon social', 'ragione sociale', 'denominazione', 'nazwa', 'nazwa firmy', '상호', '회사명', 'trade name', 'business name', 'legal name', 'registered name', 'nom commercial', 'handelsname', 'handelsnaam', 'nombre comercial', 'nome commerciale', 'nazwa handlowa', 'nazwa skrócona'];

/** Words that head a document or a block, never a vendor's name (matched as the whole line). */
export const TITLE_WORDS: Words = {
  en: ['invoice', 'tax invoice', 'commercial invoice', 'receipt', 'bill', 'statement', 'credit note', 'quote', 'quotation', 'pro forma invoice', 'proforma invoice', 'original', 'copy', 'page'],
  ko: ['계산서', '세금계산서', '전자세금계산서', '청구서', '거래명세서', '거래명세서 겸 청구서', '영수증', '견적서'],
  de: ['rechnung', 'quittung', 'gutschrift', 'angebot', 'proformarechnung', 'kassenbon', 'beleg', 'seite', 'handelsrechnung', 'schlussrechnung', 'teilrechnung', 'abschlagsrechnung', 'rechnungskorrektur', 'stornorechnung', 'sammelrechnung'],
  fr: ['facture', 'avoir', 'devis', 'recu', 'note', 'facture proforma', 'ticket', 'page'],
  nl: ['factuur', 'creditnota', 'offerte', 'bon', 'kassabon', 'pagina'],
  es: ['factura', 'recibo', 'presupuesto', 'ticket', 'factura simplificada', 'pagina'],
  it: ['fattura', 'ricevuta', 'preventivo', 'scontrino', 'nota di credito', 'pagina'],
  pl: ['faktura', 'faktura vat', 'paragon', 'rachunek', 'korekta', 'oryginał', 'kopia', 'duplikat', 'strona']
};

/** Line-item table headers, by column. */
export const TABLE_WORDS: Record<'description' | 'quantity' | 'unit_price' | 'amount', Words> = {
  description: {
    en: ['description', 'item', 'items', 'product', 'service', 'article', 'details'],
    ko: ['품목', '품명', '내역', '상품명', '항목'],
    de: ['beschreibung', 'bezeichnung', 'artikel', 'leistung', 'position', 'pos'],
    fr: ['description', 'designation', 'libelle', 'article', 'produit'],
    nl: ['omschrijving', 'beschrijving', 'artikel', 'product'],
    es: ['descripcion', 'concepto', 'articulo', 'producto'],
    it: ['descrizione', 'articolo', 'prodotto'],
    pl: ['nazwa', 'opis', 'nazwa towaru', 'towar', 'usługa', 'nazwa towaru lub usługi']
  },
  quantity: {
    en: ['qty', 'quantity', 'units', 'hours', 'hrs'],
    ko: ['수량'],
    de: ['menge', 'anzahl', 'anz', 'stk', 'stück'],
    fr: ['quantite', 'qte', 'qté'],
    nl: ['aantal', 'hoeveelheid'],
    es: ['cantidad', 'cant', 'uds', 'unidades'],
    it: ['quantita', 'qta', 'qtà'],
    pl: ['ilość', 'ilosc', 'szt']
  },
  unit_price: {
    en: ['unit price', 'price', 'rate', 'unit cost', 'price each', 'each'],
    ko: ['단가'],
    de: ['einzelpreis', 'preis', 'e preis', 'stückpreis', 'ep'],
    fr: ['prix unitaire', 'pu', 'prix unit', 'p u', 'prix'],
    nl: ['prijs', 'stukprijs', 'eenheidsprijs', 'tarief'],
    es: ['precio', 'precio unitario', 'precio unit'],
    it: ['prezzo', 'prezzo unitario', 'prezzo unit'],
    pl: ['cena', 'cena jedn', 'cena jednostkowa', 'cena netto']
  },
  amount: {
    en: ['amount', 'total', 'line total', 'total price', 'value', 'sum'],
    ko: ['금액', '공급가액', '합계'],
    de: ['betrag', 'gesamt', 'gesamtpreis', 'summe', 'gp'],
    fr: ['montant', 'total', 'montant ht', 'total ht'],
    nl: ['bedrag', 'totaal'],
    es: ['importe', 'total'],
    it: ['importo', 'totale'],
    pl: ['wartość', 'wartość netto', 'kwota', 'wartość brutto']
  }
};

/** Company-name endings, by country; a line holding one is likely a company's name. */
export const COMPANY_WORDS: string[] = [
  'ltd', 'limited', 'inc', 'incorporated', 'llc', 'llp', 'plc', 'corp', 'corporation', 'company', 'co', 'pty', 'lp',
  'gmbh', 'ag', 'kg', 'ohg', 'gbr', 'ug', 'e k', 'e v', 'mbh', 'se', 'a g', 'kgaa', 'gesmbh', 'aktiengesellschaft',
  'sa', 'sas', 'sasu', 'sarl', 's a r l', 'eurl', 'sci', 'snc', 'societe anonyme', 'sprl', 'bvba', 'srl',
  'bv', 'b v', 'nv', 'n v', 'vof', 'v o f',
  'sl', 's l', 'slu', 's a', 'sau',
  'srl', 's r l', 'spa', 's p a', 'snc', 'sas',
  'sp z o o', 'sp zoo', 'sp j', 'sp k', 's c',
  '주식회사', '(주)', '㈜', '유한회사', '상사'
];

/**
 * Column heads of a tax summary table that are no sum label on their own: the base a rate applies to, and a
 * plain "amount" (the tax, when it stands right of the base: "Taxe · Base · Montant").
 */
export const SUM_TABLE_WORDS: Record<'base' | 'amount' | 'gross', Words> = {
  base: {
    en: ['base', 'net', 'taxable', 'basis', 'net amount'],
    ko: ['과세표준', '공급가액'],
    de: ['basis', 'grundlage', 'netto', 'nettowert', 'bemessungsgrundlage'],
    fr: ['base', 'ht', 'base ht'],
    nl: ['grondslag', 'basis', 'netto'],
    es: ['base', 'base imponible', 'neto'],
    it: ['imponibile', 'base'],
    pl: ['podstawa', 'netto', 'wartość netto']
  },
  gross: {
    en: ['gross', 'total'],
    de: ['brutto', 'bruttobetrag', 'gesamt'],
    fr: ['ttc', 'brut', 'total'],
    nl: ['bruto', 'totaal'],
    es: ['bruto', 'total'],
    it: ['lordo', 'totale'],
    pl: ['brutto', 'razem']
  },
  amount: {
    en: ['amount', 'value', 'sum'],
    ko: ['금액', '세액'],
    de: ['betrag', 'summe', 'wert'],
    fr: ['montant', 'valeur'],
    nl: ['bedrag'],
    es: ['importe', 'cuota', 'monto'],
    it: ['importo'],
    pl: ['kwota', 'wartość']
  }
};

/**
 * How a letter addresses a person ("Herrn Max Mustermann", "M. DUPONT", "z. Hd. Frau …"): the block it
 * stands in is the recipient's, never the sender's.
 */
export const SALUTATIONS: Words = {
  en: ['mr', 'mrs', 'ms', 'miss', 'dr', 'attn', 'attention'],
  de: ['herrn', 'herr', 'frau', 'z hd', 'zu händen', 'zhd'],
  fr: ['m', 'mme', 'mlle', 'monsieur', 'madame', 'a l attention de'],
  nl: ['dhr', 'mevr', 't a v', 'de heer', 'mevrouw'],
  es: ['sr', 'sra', 'srta', 'don', 'doña', 'a la atención de'],
  it: ['sig', 'sig ra', 'sigg', 'egr', 'gent', 'alla cortese attenzione di'],
  pl: ['pan', 'pani', 'szanowny pan', 'szanowna pani']
};

/** What follows a company's name in its legal mentions ("X SARL au capital de…", "X GmbH, Sitz …"). */
export const LEGAL_MENTIONS: string[] = [
  'au capital de', 'au capital social de', 'capital social', 'société anonyme', 'with a share capital of', 'share capital',
  'registered in', 'registered office', 'mit sitz in', 'sitz', 'geschäftsführer', 'gérant', 'kvk', 'sitz der gesellschaft', 'stammkapital', 'grundkapital',
  'registergericht', 'amtsgericht', 'siège social', 'con capital social', 'capitale sociale', 'kapitał zakładowy'
];

/**
 * Who is to be paid ("Please make payment to:", "Bénéficiaire", "Zahlungsempfänger"): the issuer, as a last
 * resort, since an account may be held by a person or a factor rather than the company that invoices.
 */
export const PAYEE_WORDS: string[] = [
  'payee', 'pay to', 'make payment to', 'please make payment to', 'remit to', 'please remit to', 'payable to', 'make checks payable to', 'beneficiary',
  'beneficiaire', 'a l ordre de', 'zahlungsempfänger', 'begünstigter', 'begunstigde', 'ten name van', 'beneficiario', 'a favor de', 'odbiorca przelewu', 'beneficjent', 'beneficiario del pagamento'
];
