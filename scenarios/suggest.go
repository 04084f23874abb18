package scenarios

import "strings"

// hint says what the user may have meant instead of got: the closest of
// known when one is close, else the whole list.
func hint(got string, known []string) string {
	if s := closest(got, known); s != "" {
		return "did you mean " + s + "?"
	}
	return "want " + oneOf(known)
}

// oneOf writes choices as "a, b or c".
func oneOf(choices []string) string {
	switch len(choices) {
	case 0:
		return "nothing"
	case 1:
		return choices[0]
	}
	return strings.Join(choices[:len(choices)-1], ", ") + " or " + choices[len(choices)-1]
}

// closest returns the name in known nearest to got by edit distance, when
// one is within a third of got's length (at least one edit), else one that
// got abbreviates or spells out (exponential for exp), else "".
func closest(got string, known []string) string {
	best, bestDist := "", max(1, len(got)/3)+1
	lower := strings.ToLower(got)
	for _, k := range known {
		if d := editDistance(lower, k); d < bestDist {
			best, bestDist = k, d
		}
	}
	if best != "" || len(lower) < 3 {
		return best
	}
	for _, k := range known {
		if len(k) >= 3 && (strings.HasPrefix(lower, k) || strings.HasPrefix(k, lower)) {
			return k
		}
	}
	return ""
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return max(len(a), len(b))
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
