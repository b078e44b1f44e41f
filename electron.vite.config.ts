import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      target: 'node20',
      // The OCR process's entry is built next to the main process's (see src/main/ocr/ocr-process.ts).
      rollupOptions: { input: { index: 'src/main/index.ts', 'ocr-host': 'src/main/ocr/host.ts' } },
    },
  },
  preload: {
    // Sandboxed preloads must be CommonJS.
    build: {
      rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    plugins: [react()],
  },
});
