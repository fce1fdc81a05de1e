-- 준비된 파드
SELECT name, COUNT(*) AS total
FROM pods p
WHERE phase = 'Running' AND restarts > 3
GROUP BY name ORDER BY total DESC LIMIT 10;
