/** Shared by the redirect benchmark and the servers it starts. */
export const BENCH_ADMIN_KEY = 'bench-admin-key-0123456789abcdef';
export const DESTINATION = 'https://shop.example.com/landing?utm_source=partner';
