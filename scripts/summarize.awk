# Sums the VSTest per-assembly lines ("Passed!  - Failed: 0, Passed: 8, ...") into one "N passed, N failed" line.
/^(Passed|Failed)! +- +Failed:/ {
  line = $0; gsub(",", "", line); n = split(line, w, /[ \t]+/)
  for (i = 1; i < n; i++) {
    if (w[i] == "Failed:") f += w[i + 1]
    if (w[i] == "Passed:") p += w[i + 1]
    if (w[i] == "Skipped:") s += w[i + 1]
  }
  seen = 1
}
END {
  if (seen) printf "%d passed, %d failed\n", p, f
  else print "0 passed, 1 failed"
}
