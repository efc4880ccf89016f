//go:build !unix

package publish

// alive cannot tell here; a temporary folder is kept until a build of the
// same process id, which is rare, or removed by hand.
func alive(pid int) bool { return true }
