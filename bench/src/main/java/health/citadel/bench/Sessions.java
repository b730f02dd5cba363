package health.citadel.bench;

/** The demo users the workload acts as, each signed in once per run. */
record Sessions(DemoSession frontDesk, DemoSession physician, DemoSession admin) {

    static Sessions of(LocalStack stack, Api api) {
        return new Sessions(session(stack, api, "front.desk"), session(stack, api, "dr.house"),
                session(stack, api, "admin.alan"));
    }

    private static DemoSession session(LocalStack stack, Api api, String username) {
        return new DemoSession(stack, api, username, new Authenticator(stack.login(username).get("totpSecret").asText()));
    }
}
