// Something the streaming xlsx reader does not handle (a cell type, a markup form, a package layout): the caller
// reads the workbook with SheetJS instead and says why in the import report. Never an input error by itself.
export class Unsupported extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'Unsupported';
  }
}
