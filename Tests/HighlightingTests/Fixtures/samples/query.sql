-- Pages per section, newest first
SELECT s.name AS section, COUNT(p.id) AS pages, MAX(p.date) AS latest
FROM sections s
LEFT JOIN pages p ON p.section_id = s.id AND p.draft = FALSE
WHERE s.name NOT IN ('drafts', 'archive') AND p.words > 100
GROUP BY s.name
HAVING COUNT(p.id) >= 1
ORDER BY latest DESC
LIMIT 10;

INSERT INTO pages (title, date) VALUES ('Hello', '2024-03-01'), ("World", NULL);
/* done */ UPDATE pages SET words = words * 2 WHERE id = 7;
