-- Index the foreign keys that point at animals: the history queries read by them, and without
-- them every deleted or re-keyed animal scans these tables (an expand-only change).
CREATE INDEX IF NOT EXISTS idx_animals_dam ON animals (dam_id) WHERE dam_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS idx_births_dam ON births (dam_id);
CREATE INDEX IF NOT EXISTS idx_births_calf ON births (calf_id);
CREATE INDEX IF NOT EXISTS idx_alertas_animal ON alertas (animal_id) WHERE animal_id IS NOT NULL;
