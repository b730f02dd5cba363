// The build failed (invoker.properties); it must have failed in SpotBugs' check on the two planted findings alone:
// one from SpotBugs' own security detectors and one from FindSecBugs, so that losing either fails this test.
def log = new File(basedir, 'build.log').text
assert log.contains('SQL_NONCONSTANT_STRING_PASSED_TO_EXECUTE') : 'the planted SQL injection was not reported'
assert log.contains('WEAK_MESSAGE_DIGEST_MD5') : 'FindSecBugs did not report the planted MD5 token digest'
assert log =~ /spotbugs-maven-plugin:[^ ]+:check \(security\)[^\n]*failed with 2 bugs and 0 errors/ : 'the build did not fail in the SpotBugs check on exactly the planted findings'
