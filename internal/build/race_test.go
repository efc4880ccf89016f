//go:build race

package build_test

// raceDetector says whether the tests run with -race, which makes
// rendering about ten times slower: long generated runs are shortened.
const raceDetector = true
