-- A one-character query (a surname) looks up one exact term per character of the name, `@张`,
-- which lists each client once, instead of the prefix range `=张…` of the name's suffixes, which
-- lists a client once per occurrence and must be deduplicated (services/client-search.ts
-- searchTerms). The one-character suffixes are then never looked up and are dropped. Written the
-- way 0007 was: `search_keys` first, with the per-row update trigger out of the way, then the
-- index in one sorted pass; `search_keys` is not journalled (0006), so nothing is synced.
DROP TRIGGER IF EXISTS `client_search_update`;
--> statement-breakpoint
UPDATE `clients` SET search_keys = (
	SELECT json_group_array(v) FROM (
		SELECT value AS v FROM json_each(`clients`.search_keys) WHERE NOT (substr(value, 1, 1) = '=' AND length(value) = 2)
		UNION
		-- each character of the name: json_each of `[0,0,…]`, as long as the name, lists its positions
		SELECT '@' || substr(`clients`.search_name, j.key + 1, 1)
		FROM json_each('[' || substr(replace(hex(zeroblob(length(`clients`.search_name))), '00', ',0'), 2) || ']') AS j))
WHERE json_valid(search_keys);
--> statement-breakpoint
DELETE FROM `client_search_terms` WHERE term >= '=' AND term < '>' AND length(term) = 2;
--> statement-breakpoint
INSERT OR IGNORE INTO `client_search_terms` (term, client_rowid)
SELECT j.value, c.rowid FROM `clients` AS c, json_each(CASE WHEN json_valid(c.search_keys) THEN c.search_keys ELSE '[]' END) AS j
WHERE j.type = 'text' AND j.value >= '@' AND j.value < 'A'
ORDER BY 1, 2;
--> statement-breakpoint
CREATE TRIGGER `client_search_update` AFTER UPDATE OF `search_keys` ON `clients` WHEN OLD.search_keys IS NOT NEW.search_keys BEGIN
	DELETE FROM client_search_terms WHERE client_rowid = OLD.rowid
	AND term IN (SELECT value FROM json_each(CASE WHEN json_valid(OLD.search_keys) THEN OLD.search_keys ELSE '[]' END) WHERE type = 'text');
	INSERT OR IGNORE INTO client_search_terms (term, client_rowid)
	SELECT value, NEW.rowid FROM json_each(CASE WHEN json_valid(NEW.search_keys) THEN NEW.search_keys ELSE '[]' END) WHERE type = 'text';
END;
