/** Who is recording on this device: the device and the signed-in account whose id every event carries. */
export interface Identity {
  deviceId: string;
  actorId: string;
  inspectorName: string;
}
