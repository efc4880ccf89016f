//go:build !race

package build_test

// raceDetector says whether the tests run with -race; see race_test.go.
const raceDetector = false
