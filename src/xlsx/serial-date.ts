/** Excel's day 0 in the 1900 date system is 1899-12-30 (the 1900 leap-year bug is folded into this epoch). */
const EPOCH_1900_MS = Date.UTC(1899, 11, 30);
const EPOCH_1904_MS = Date.UTC(1904, 0, 1);
const DAY_MS = 86_400_000;

export function dateToSerial(date: Date, date1904 = false): number {
  const ms = date.getTime() - (date1904 ? EPOCH_1904_MS : EPOCH_1900_MS);
  // Round to the millisecond-free value exceljs produced from a serial, so serial → Date → serial is exact.
  return Math.round((ms / DAY_MS) * 1e9) / 1e9;
}

export function serialToDate(serial: number, date1904 = false): Date {
  return new Date(Math.round(serial * DAY_MS) + (date1904 ? EPOCH_1904_MS : EPOCH_1900_MS));
}
