-- Schema 2: a refund request names the brand (merchant) its order was for, so that a merchant
-- partner can be kept to its own brand's requests. Older requests stay NULL (no brand known).
ALTER TABLE refund_request ADD COLUMN merchant_id TEXT;
CREATE INDEX refund_merchant ON refund_request(merchant_id) WHERE merchant_id IS NOT NULL;
