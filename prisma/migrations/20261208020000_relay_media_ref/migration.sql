-- A relayed voice note or photo keeps its channel's handle, so it is fetched when sent.
ALTER TABLE "RelayMessage" ADD COLUMN "mediaRef" TEXT;
ALTER TABLE "RelayMessage" ADD COLUMN "mediaChannel" TEXT;
