package health.citadel.bench;

/** The demo users the workload acts as, each signed in once per run. */
record Sessions(DemoSession frontDesk, DemoSession physician, DemoSession admin) {

    static Sessions of(LocalStack stack, Api api) {
        return new Sessions(new DemoSession(stack, api, "front.desk"), new DemoSession(stack, api, "dr.house"),
                new DemoSession(stack, api, "admin.alan"));
    }
}
