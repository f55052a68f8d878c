-- Webhook URLs are stored sealed (AES-GCM, base64): longer than the 2000 characters a URL may have.
-- Widening VARCHAR to TEXT rewrites nothing in PostgreSQL: an expand change.
ALTER TABLE announcement_channels ALTER COLUMN url TYPE TEXT;
