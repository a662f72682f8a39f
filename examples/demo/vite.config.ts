import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Built into dist/, which the reference server serves at / (same origin as the API).
export default defineConfig({
	plugins: [react()],
	build: { outDir: "dist", emptyOutDir: true, sourcemap: false },
	// `npm run dev -w @gatehouse/demo` on :5173 talks to a server started separately.
	server: { port: 5173 },
});
