-- name: programs open to sign-up

-- Partners who sign themselves up join the active programs marked open to sign-up (unless
-- settings.signupProgramIds names programs). A new installation's first program is open.
ALTER TABLE programs ADD COLUMN open_to_signup INTEGER NOT NULL DEFAULT 0 CHECK (open_to_signup IN (0, 1));
-- An installation whose merchant never named sign-up programs gets what a new one gets: its
-- oldest active program takes new partners (before, they joined none and earned nothing).
UPDATE programs SET open_to_signup = 1
 WHERE id = (SELECT min(id) FROM programs WHERE status = 'active')
   AND NOT EXISTS (SELECT 1 FROM settings WHERE key = 'signupProgramIds' AND value NOT IN ('[]', ''));
