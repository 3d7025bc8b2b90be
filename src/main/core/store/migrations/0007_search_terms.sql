-- Search as you type at 100k clients (services/client-search.ts): a client's search terms (name
-- suffixes `=…`, pinyin `|…` and its first letters `!…`, tags `#…`, phone/ID tails `~…`) are
-- stored as a JSON array in `search_keys` and, by trigger, in this index, so a query is a few
-- index lookups. Derived data: not a synced entity, and `search_keys` is left out of the sync
-- update trigger (0006), so neither the backfill nor a trigger here journals anything.
CREATE TABLE `client_search_terms` (
	`term` text NOT NULL,
	`client_rowid` integer NOT NULL,
	PRIMARY KEY(`term`, `client_rowid`)
) WITHOUT ROWID;
--> statement-breakpoint
DROP INDEX IF EXISTS `clients_search`;
--> statement-breakpoint
-- Backfill from the previous format `|zhangsan|san|zs#tag#tag~5678~~1234~` (client-search.ts builds
-- the same terms for new writes): the pinyin part holds only `|` and a-z; the tails are the last
-- six characters, once or twice; the tags lie between (taken from the tags column, lower-cased
-- and without spaces, where a tag holding `#` makes that part ambiguous). `[0,0,…]` as long as
-- the name lists its character positions, for the name suffixes.
WITH
  k0(rid, name, keys, tags, pos) AS MATERIALIZED (
    SELECT rowid, search_name, search_keys, tags,
      min(CASE WHEN instr(search_keys, '#') = 0 THEN length(search_keys) + 1 ELSE instr(search_keys, '#') END,
          CASE WHEN instr(search_keys, '~') = 0 THEN length(search_keys) + 1 ELSE instr(search_keys, '~') END)
    FROM `clients`),
  k1(rid, name, tags, pinyin, rest) AS MATERIALIZED (SELECT rid, name, tags, substr(keys, 1, pos - 1), substr(keys, pos) FROM k0),
  k2(rid, name, tags, pinyin, rest, tail2) AS MATERIALIZED (
    SELECT rid, name, tags, pinyin,
      iif(rest GLOB '*~????~', substr(rest, 1, length(rest) - 6), rest),
      iif(rest GLOB '*~????~', substr(rest, -5, 4), NULL)
    FROM k1),
  k(rid, name, tags, pinyin, tags_part, tail1, tail2) AS MATERIALIZED (
    SELECT rid, name, tags, pinyin,
      iif(rest GLOB '*~????~', substr(rest, 1, length(rest) - 6), rest),
      iif(rest GLOB '*~????~', substr(rest, -5, 4), NULL),
      tail2
    FROM k2),
  pinyins(rid, p) AS MATERIALIZED (
    SELECT k.rid, j.value FROM k, json_each('["' || replace(substr(k.pinyin, 2), '|', '","') || '"]') AS j WHERE k.pinyin <> ''),
  tag_lists(rid, list) AS MATERIALIZED (
    SELECT rid,
      CASE WHEN length(tags_part) - length(replace(tags_part, '#', '')) = json_array_length(tags)
            AND json_valid('["' || replace(replace(replace(substr(tags_part, 2), '\', '\\'), '"', '\"'), '#', '","') || '"]')
        THEN '["' || replace(replace(replace(substr(tags_part, 2), '\', '\\'), '"', '\"'), '#', '","') || '"]'
        ELSE (SELECT json_group_array(lower(replace(t.value, ' ', ''))) FROM json_each(k.tags) AS t) END
    FROM k WHERE tags_part <> '' OR json_array_length(tags) > 0),
  tag_names(rid, tag) AS (
    SELECT l.rid, t.value FROM tag_lists AS l, json_each(l.list) AS t WHERE t.value <> '')
INSERT OR IGNORE INTO `client_search_terms` (term, client_rowid)
SELECT term, rid FROM (
  SELECT '=' || substr(k.name, j.key + 1) AS term, k.rid AS rid
    FROM k, json_each('[' || substr(replace(hex(zeroblob(length(k.name))), '00', ',0'), 2) || ']') AS j WHERE k.name <> ''
  UNION ALL SELECT '|' || p, rid FROM pinyins
  -- the first one and two letters (client-search.ts SHORT_PINYIN)
  UNION ALL SELECT '!' || substr(p, 1, 1), rid FROM pinyins
  UNION ALL SELECT '!' || substr(p, 1, 2), rid FROM pinyins WHERE length(p) >= 2
  UNION ALL SELECT '#' || tag, rid FROM tag_names
  UNION ALL SELECT '~' || tail1, rid FROM k WHERE tail1 IS NOT NULL
  UNION ALL SELECT '~' || tail2, rid FROM k WHERE tail2 IS NOT NULL)
ORDER BY term, rid;
--> statement-breakpoint
UPDATE `clients` SET search_keys = t.terms
FROM (SELECT client_rowid, json_group_array(term) AS terms FROM `client_search_terms` GROUP BY client_rowid) AS t
WHERE t.client_rowid = `clients`.rowid;
--> statement-breakpoint
UPDATE `clients` SET search_keys = '[]' WHERE json_valid(search_keys) = 0;
--> statement-breakpoint
-- Kept in step by trigger, so every write path (edit, import, demo book, roster) is covered. The
-- terms are read from `search_keys` on both sides, so a delete removes exactly what an insert added.
-- A bulk insert (an import, the demo book) registers itself here and fills the terms of its new rows
-- in one sorted pass at the end of its transaction (services/client-search.ts withDeferredSearchTerms):
-- about three times cheaper than one trigger run per row into a WITHOUT ROWID index.
CREATE TABLE `client_search_deferred` (
	`after_rowid` integer NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER `client_search_insert` AFTER INSERT ON `clients` WHEN NOT EXISTS (SELECT 1 FROM client_search_deferred) BEGIN
	INSERT OR IGNORE INTO client_search_terms (term, client_rowid)
	SELECT value, NEW.rowid FROM json_each(CASE WHEN json_valid(NEW.search_keys) THEN NEW.search_keys ELSE '[]' END) WHERE type = 'text';
END;
--> statement-breakpoint
CREATE TRIGGER `client_search_update` AFTER UPDATE OF `search_keys` ON `clients` WHEN OLD.search_keys IS NOT NEW.search_keys BEGIN
	DELETE FROM client_search_terms WHERE client_rowid = OLD.rowid
	AND term IN (SELECT value FROM json_each(CASE WHEN json_valid(OLD.search_keys) THEN OLD.search_keys ELSE '[]' END) WHERE type = 'text');
	INSERT OR IGNORE INTO client_search_terms (term, client_rowid)
	SELECT value, NEW.rowid FROM json_each(CASE WHEN json_valid(NEW.search_keys) THEN NEW.search_keys ELSE '[]' END) WHERE type = 'text';
END;
--> statement-breakpoint
CREATE TRIGGER `client_search_delete` AFTER DELETE ON `clients` BEGIN
	DELETE FROM client_search_terms WHERE client_rowid = OLD.rowid
	AND term IN (SELECT value FROM json_each(CASE WHEN json_valid(OLD.search_keys) THEN OLD.search_keys ELSE '[]' END) WHERE type = 'text');
END;
