-- Merchant partners in complaint cases (docs/cases.md, docs/access.md). A partner's case note
-- is about one of its orders in the case and carries its merchant; a partner reads back only
-- its merchant's notes. A link names the merchant of the debit or order it is about, so the
-- cases of one merchant are found without the mirror.
ALTER TABLE case_note ADD COLUMN merchant_id TEXT;
CREATE INDEX case_link_merchant ON case_link(merchant_id, case_id) WHERE merchant_id IS NOT NULL;
